import { startBackgroundAnalysis } from './archive';
import { galley } from './bridge';
import { loadSeeds, pickAndImport } from './commands';
import { loadPreferences } from './preferences';
import { bindRouteToLocation } from './route-location';
import { loadTeamServer } from './sync/team';
import { exportFromMenu } from './views/export/commands';

/** Preferences first (so the first frame is in the user's language), then the seeds in the background. */
export async function startApp(): Promise<void> {
  await loadPreferences();
  bindRouteToLocation(window);
  galley.onMenuCommand((command) => {
    if (command === 'import') void pickAndImport();
    if (command === 'export-page' || command === 'export-approved') exportFromMenu(command);
  });
  startBackgroundAnalysis();
  void loadTeamServer();
  void loadSeeds();
}
