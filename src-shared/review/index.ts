export * from './ops';
export * from './history';
export * from './page';
export * from './actions';
export * from './splits';
export * from './series';
export * from './queries';
export * from './decisions';
