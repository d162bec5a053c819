export * from "./device-states.js";
export * from "./free-text.js";
export * from "./license-keys.js";
export * from "./revoke-progress.js";
export * from "./typed-confirmation.js";
export * from "./app-revoke-scope.js";
export * from "./retire-effect.js";
export * from "./csv.js";
