// SOAP requests whose simulator responses are kept under test/fixtures/soap-responses/ (checked
// once against NetSuite's XSDs by scripts/capture-soap-responses.js). Plain JS: the maintainer
// script and the TypeScript tests both load it.
'use strict';
const s = (t) => `<platformMsgs:search><platformMsgs:searchRecord xsi:type="platformCommon:${t}"/></platformMsgs:search>`;
const SOAP_CASES = [
  ['search-customer', 'polytomic', s('CustomerSearchBasic')],
  ['search-contact', 'polytomic', s('ContactSearchBasic')],
  ['search-contact-role', 'polytomic', s('ContactRoleSearchBasic')],
  ['search-vendor', 'polytomic', s('VendorSearchBasic')],
  ['search-employee', 'polytomic', s('EmployeeSearchBasic')],
  ['search-account', 'polytomic', s('AccountSearchBasic')],
  ['search-item', 'polytomic', s('ItemSearchBasic')],
  ['search-payment-method', 'polytomic', s('PaymentMethodSearchBasic')],
  ['search-transactions', 'polytomic', s('TransactionSearchBasic')],
  ['get-customization-id', 'polytomic', '<platformMsgs:getCustomizationId><platformMsgs:customizationType getCustomizationType="customList"/><platformMsgs:includeInactives>false</platformMsgs:includeInactives></platformMsgs:getCustomizationId>'],
  ['get-customization-id-denied', 'polytomic-drifted', '<platformMsgs:getCustomizationId><platformMsgs:customizationType getCustomizationType="customList"/><platformMsgs:includeInactives>false</platformMsgs:includeInactives></platformMsgs:getCustomizationId>'],
  ['get-all', 'polytomic', '<platformMsgs:getAll><platformMsgs:record recordType="currency"/></platformMsgs:getAll>'],
  ['get-server-time', 'polytomic', '<platformMsgs:getServerTime/>'],
  ['get-account-governance-info', 'polytomic', '<platformMsgs:getAccountGovernanceInfo/>'],
  ['get-integration-governance-info', 'polytomic', '<platformMsgs:getIntegrationGovernanceInfo/>'],
  ['get-data-center-urls', undefined, '<platformMsgs:getDataCenterUrls><platformMsgs:account>1234567_SB1</platformMsgs:account></platformMsgs:getDataCenterUrls>'],
  ['search-more-invalid', 'polytomic', '<platformMsgs:searchMoreWithId><platformMsgs:searchId>WEBSERVICES_none</platformMsgs:searchId><platformMsgs:pageIndex>2</platformMsgs:pageIndex></platformMsgs:searchMoreWithId>'],
  ['fault-no-soap-permission', 'auditor', '<platformMsgs:getServerTime/>'],
  ['fault-not-logged-in', undefined, '<platformMsgs:getServerTime/>'],
  ['invalid-login', 'polytomic', '<platformMsgs:getServerTime/>', true],
].map(([name, token, body, badSecret]) => ({ name, token, body, badSecret }));

/** The request envelope the cases are sent in. */
function soapEnvelope(v, body, header) {
  return `<?xml version="1.0" encoding="UTF-8"?><soap:Envelope xmlns:soap="http://schemas.xmlsoap.org/soap/envelope/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xmlns:platformMsgs="urn:messages_${v}.platform.webservices.netsuite.com" xmlns:platformCore="urn:core_${v}.platform.webservices.netsuite.com" xmlns:platformCommon="urn:common_${v}.platform.webservices.netsuite.com"><soap:Header>${header}</soap:Header><soap:Body>${body}</soap:Body></soap:Envelope>`;
}

/** Fixes what changes between runs: nsId, searchId, server time, the simulator's address. */
function normalizeSoapResponse(xml, url) {
  return xml
    .replace(/(<platformMsgs:nsId>)[^<]*/, '$1WEBSERVICES_NSID')
    .replace(/(<platformCore:searchId>)[^<]*/, '$1WEBSERVICES_SEARCHID')
    .replace(/(<platformCore:serverTime>)[^<]*/, '$12026-01-01T00:00:00.000Z')
    .split(url).join('http://127.0.0.1:PORT');
}

module.exports = { SOAP_CASES, soapEnvelope, normalizeSoapResponse };
