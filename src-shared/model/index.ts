export * from './span';
export * from './analysis';
export * from './clean';
export * from './materialize';
export * from './records';
export * from './issue';
export * from './decisions';
export * from './reading';
