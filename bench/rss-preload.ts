import { writeFileSync } from 'node:fs';

/**
 * Preloaded into a benchmarked child (`node --import`) where GNU time is missing: writes the
 * process's peak RSS (KiB, like `time -f %M`) to $BRIEFDECK_BENCH_RSS_FILE when it exits.
 */
const file = process.env.BRIEFDECK_BENCH_RSS_FILE;
if (file) process.on('exit', () => writeFileSync(file, `${process.resourceUsage().maxRSS}\n`));
