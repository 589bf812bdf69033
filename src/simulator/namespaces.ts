/** NetSuite's version-numbered SOAP namespaces (from the 2023_2 XSDs; `<v>` is e.g. 2024_2). */
export function nsFor(version: string) {
  return {
    soapenv: 'http://schemas.xmlsoap.org/soap/envelope/',
    xsi: 'http://www.w3.org/2001/XMLSchema-instance',
    messages: `urn:messages_${version}.platform.webservices.netsuite.com`,
    core: `urn:core_${version}.platform.webservices.netsuite.com`,
    coreTypes: `urn:types.core_${version}.platform.webservices.netsuite.com`,
    common: `urn:common_${version}.platform.webservices.netsuite.com`,
    faults: `urn:faults_${version}.platform.webservices.netsuite.com`,
    relationships: `urn:relationships_${version}.lists.webservices.netsuite.com`,
    accounting: `urn:accounting_${version}.lists.webservices.netsuite.com`,
    employees: `urn:employees_${version}.lists.webservices.netsuite.com`,
    sales: `urn:sales_${version}.transactions.webservices.netsuite.com`,
    customers: `urn:customers_${version}.transactions.webservices.netsuite.com`,
    customization: `urn:customization_${version}.setup.webservices.netsuite.com`,
  };
}

/** SOAP endpoint versions the simulator answers: 2020_2 and later (TBA-only endpoints). */
export function isSupportedVersion(version: string): boolean {
  const m = /^(\d{4})_([12])$/.exec(version);
  return !!m && (Number(m[1]) > 2020 || (Number(m[1]) === 2020 && m[2] === '2')) && Number(m[1]) <= 2030;
}
