import './types.js';
