#!/usr/bin/env node
// `local-cloud [options]`: the local cloud's command line (cli.ts, run through tsx). See cli.ts for the options.
'use strict';
require('tsx/cjs');
require('../cli.ts');
