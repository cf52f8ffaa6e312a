export {
  groupByIssue,
  issueFileStem,
  validDate,
  type GroupDoubt,
  type GroupProblem,
  type GroupInput,
  type Grouping,
} from './group';
export { proposePageName } from './page-name';
export { issueRecordFromGuess, type GuessedPage } from './record';
