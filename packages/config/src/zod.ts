// zod/mini validates like `zod` in ~20 KB of bundle instead of ~450 KB, which is cold-start
// time on Lambda. It ships without messages: importing this module loads the English ones.
// (Import `* as z from 'zod/mini'` where you use it: re-exporting the namespace would defeat
// tree-shaking.)

import { config } from 'zod/mini';
import en from 'zod/v4/locales/en.js';

config(en());
