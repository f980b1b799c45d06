// The format of what the analysis cache holds: any change to what an entry contains or means changes it, so
// that no run reads an entry another version wrote.
export const CACHE_VERSION = 14;
