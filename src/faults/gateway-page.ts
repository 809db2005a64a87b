/** The reason phrases of the gateway faults, as in nginx's src/http/ngx_http_special_response.c. */
const REASONS: Record<number, string> = {
  500: 'Internal Server Error',
  502: 'Bad Gateway',
  503: 'Service Temporarily Unavailable',
  504: 'Gateway Time-out',
};

/**
 * Builds the HTML error page a reverse proxy sends in place of the API's
 * JSON, in the shape of nginx's built-in pages, so clients meet the same
 * non-JSON body they would behind a failing load balancer.
 */
export function buildGatewayPage(status: number): string {
  const title = `${status} ${REASONS[status] ?? 'Error'}`;
  return [
    '<html>',
    `<head><title>${title}</title></head>`,
    '<body>',
    `<center><h1>${title}</h1></center>`,
    '<hr><center>nginx</center>',
    '</body>',
    '</html>',
    '',
  ].join('\r\n');
}
