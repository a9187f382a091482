/**
 * zod/mini reports issues with the core's bare "Invalid input" unless a
 * locale is configured; zod classic registers English on first use. Every
 * module that defines or parses a schema imports this module first, so the
 * messages clients and logs see ("Too small: expected string to have >=1
 * characters", ...) are zod's English ones. Only the `en` locale is bundled.
 */
import { config } from 'zod/mini';
import { en } from 'zod/locales';

config(en());
