export * from "./booking";
export * from "./rules";
export { holidayOn } from "./holidays";
export * from "./audit";
export * from "./calendar";
