/**
 * The one refusal of a URL whose host is, or resolves to, a non-public address, whichever route
 * or check refused it. It names the host as the URL gave it (never what a name resolved to: which
 * internal address a name maps to is for the operator's log). Outside production it also names the
 * setting a developer fetching from a server on their own machine is looking for; in production
 * that setting cannot be turned on, so naming it would only mislead.
 */
export function nonPublicHostMessage(
  host: string,
  { nameSetting }: { nameSetting: boolean },
): string {
  const refusal = `the host ${host} is not a public address: loopback, private and other internal addresses are refused`;
  return nameSetting
    ? `${refusal} (to fetch from them in development, start the server with FETCH_ALLOW_PRIVATE_ADDRESSES=true)`
    : refusal;
}
