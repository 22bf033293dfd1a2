import { main } from './app';
import { takeHandoff } from './handoff';

// The reader's module entry. Its requests were started by reader-boot.js (see there) while this module
// and its imports were loading; main() renders as soon as they are answered.
const { snapshot, settings } = takeHandoff();
void main(snapshot, settings);
