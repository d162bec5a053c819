/** A Graph path segment that names a type, property or action (letters, dots, `$batch`). */
const NAME = /^\$?[A-Za-z][A-Za-z.]*$/;
const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * The resource a Graph call addresses, for a metric label: the path's named segments with ids
 * replaced by `{id}` (`/users/{id}/managedDevices`), at most four segments, so that the label's
 * values stay few whatever ids, UPNs or queries the calls carry.
 */
export const graphResourceOf = (path: string): string => {
  const at = path.indexOf("?");
  const segments = (at < 0 ? path : path.slice(0, at))
    .split("/")
    .filter((segment) => segment !== "")
    .slice(0, 4)
    .map((segment) => (NAME.test(segment) && !GUID.test(segment) ? segment : "{id}"));
  return `/${segments.join("/")}`;
};
