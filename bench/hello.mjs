// The baseline for start-up: a bare Ink app, loaded module by module (not bundled).
import React from 'react';
import {render, Text} from 'ink';

render(React.createElement(Text, null, 'hello from ink'));
setTimeout(() => process.exit(0), 2000);
