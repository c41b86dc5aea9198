export * from "./process";
export * from "./record";
export * from "./invariants";
