// The format of what the analysis cache holds: any change to what an entry contains or means changes it, so
// that no run reads an entry another version wrote. That includes what the analysis finds: 15 for number
// anchors read across a thousands space ("25 050"), which each file's features hold, and for translations
// paired with the anchors of one language left out of the share, which the kept reuse holds.
export const CACHE_VERSION = 15;
