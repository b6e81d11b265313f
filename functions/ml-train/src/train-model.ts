import { trainDigits } from './digits/train-digits';
import { trainRain } from './rain/train-rain';
import type { TrainRequest } from './schema';
import { trainStores } from './stores/train-stores';
import { trainHousing } from './train-housing';
import type { TrainDeps } from './train-types';

/** Runs the trainer the event names. */
export function trainModel(request: TrainRequest, deps: TrainDeps) {
  switch (request.model) {
    case 'digits':
      return trainDigits(request, deps);
    case 'rain':
      return trainRain(request, deps);
    case 'stores':
      return trainStores(request, deps);
    case 'housing':
      return trainHousing(request, deps);
  }
}
