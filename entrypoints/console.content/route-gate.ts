import { isFeatureUrl } from '../../lib/console/urls.ts';

export interface Startable {
  start(): void;
  refresh(force?: boolean): void;
  stopAll(): void;
}

/**
 * Creates the feature manager on a tool route only, and drops it when the user leaves: on the
 * console's other pages there is no manager, so no observer, no scan and no storage read.
 */
export function createRouteGate(create: () => Startable) {
  let manager: Startable | undefined;
  return {
    follow(url: string) {
      if (!isFeatureUrl(url)) {
        manager?.stopAll();
        manager = undefined;
        return;
      }
      if (manager) manager.refresh(true);
      else {
        manager = create();
        manager.start();
      }
    },
    stop() {
      manager?.stopAll();
      manager = undefined;
    },
    active: () => manager !== undefined,
  };
}
