/** NetSuite REST error bodies: `{type, title, status, o:errorDetails: [{detail, o:errorCode}]}`. */
const TYPES: Record<number, [string, string]> = {
  400: ['https://www.w3.org/Protocols/rfc2616/rfc2616-sec10.html#sec10.4.1', 'Bad Request'],
  401: ['https://www.w3.org/Protocols/rfc2616/rfc2616-sec10.html#sec10.4.2', 'Unauthorized'],
  403: ['https://www.w3.org/Protocols/rfc2616/rfc2616-sec10.html#sec10.4.4', 'Forbidden'],
  404: ['https://www.w3.org/Protocols/rfc2616/rfc2616-sec10.html#sec10.4.5', 'Not Found'],
  405: ['https://www.w3.org/Protocols/rfc2616/rfc2616-sec10.html#sec10.4.6', 'Method Not Allowed'],
  415: ['https://www.w3.org/Protocols/rfc2616/rfc2616-sec10.html#sec10.4.16', 'Unsupported Media Type'],
  429: ['https://tools.ietf.org/html/rfc6585#section-4', 'Too Many Requests'],
  500: ['https://www.w3.org/Protocols/rfc2616/rfc2616-sec10.html#sec10.5.1', 'Internal Server Error'],
  503: ['https://www.w3.org/Protocols/rfc2616/rfc2616-sec10.html#sec10.5.4', 'Service Unavailable'],
};

/** A REST error the endpoint answers with. */
export class RestError extends Error {
  constructor(readonly status: number, readonly code: string, detail: string, readonly queryParam?: string) {
    super(detail);
  }

  /** The JSON body NetSuite sends. */
  body(): string {
    const [type, title] = TYPES[this.status] ?? TYPES[500];
    const detail: Record<string, string> = { detail: this.message, 'o:errorCode': this.code };
    if (this.queryParam) detail['o:errorQueryParam'] = this.queryParam;
    return JSON.stringify({ type, title, status: this.status, 'o:errorDetails': [detail] });
  }
}

/** The detail NetSuite gives for any failed REST login. */
export const INVALID_LOGIN_DETAIL = 'Invalid login attempt. For more details, see the Login Audit Trail in the NetSuite UI at Setup > Users/Roles > User Management > View Login Audit Trail.';
