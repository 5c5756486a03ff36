// A typical app on the AWS SDK for JavaScript v2 (aws-sdk), making one call.
// Usage: node app.js OPERATION [--uncaught]
//   default     the app catches the error and logs it with console.error(err)
//   --uncaught  the promise rejection is not handled: Node prints it and exits
// The endpoint comes from AWS_ENDPOINT_URL; credentials and region from the
// environment. Retries are off so the first error surfaces.
const fs = require('fs');
const AWS = require('aws-sdk');

const config = { region: 'us-east-1', endpoint: process.env.AWS_ENDPOINT_URL, maxRetries: 0 };
let client;

const operations = {
  'sts-get-caller-identity': () => (client = new AWS.STS(config)).getCallerIdentity().promise(),
  'dynamodb-list-tables': () => (client = new AWS.DynamoDB(config)).listTables().promise(),
  'kinesis-list-streams': () => (client = new AWS.Kinesis(config)).listStreams().promise(),
  's3-list-objects-v2': () =>
    (client = new AWS.S3({ ...config, s3ForcePathStyle: true })).listObjectsV2({ Bucket: 'my-bucket' }).promise(),
  'ec2-describe-instances': () => (client = new AWS.EC2(config)).describeInstances().promise(),
};

// Not printed: tells the capture script whether the SDK corrected its clock.
process.on('exit', () => {
  if (process.env.CONFORMANCE_META && client) {
    fs.writeFileSync(process.env.CONFORMANCE_META, JSON.stringify({
      correctClockSkew: Boolean(client.config.correctClockSkew),
      systemClockOffset: client.config.systemClockOffset || 0,
    }));
  }
});

const [operation, mode] = process.argv.slice(2);
async function main() {
  const data = await operations[operation]();
  console.log(data);
}

if (mode === '--uncaught') {
  main();
} else {
  main().catch((err) => {
    console.error(err);
    process.exitCode = 1;
  });
}
