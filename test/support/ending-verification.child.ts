import { appendFileSync } from 'node:fs';

// A verification process that ends on every request it is sent (as one whose verification
// crashes it would), and writes each start's pid to the file it is set up with.
process.on('message', (message: { setup?: { starts: string } }) => {
  if (message.setup) appendFileSync(message.setup.starts, `${process.pid}\n`);
  else process.exit(70);
});
