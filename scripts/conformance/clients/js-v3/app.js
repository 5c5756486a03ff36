// A typical app on the AWS SDK for JavaScript v3 (@aws-sdk/client-*), making
// one call. Usage: node app.js OPERATION [--uncaught]
//   default     the app catches the error and logs it with console.error(err)
//   --uncaught  the promise rejection is not handled: Node prints it and exits
// The endpoint comes from AWS_ENDPOINT_URL; credentials and region from the
// environment. maxAttempts: 1 so the first error surfaces (v3 would otherwise
// correct its clock from the server's Date header and retry).
const fs = require('fs');
const { STSClient, GetCallerIdentityCommand } = require('@aws-sdk/client-sts');
const { DynamoDBClient, ListTablesCommand } = require('@aws-sdk/client-dynamodb');
const { KinesisClient, ListStreamsCommand } = require('@aws-sdk/client-kinesis');
const { S3Client, ListObjectsV2Command } = require('@aws-sdk/client-s3');
const { EC2Client, DescribeInstancesCommand } = require('@aws-sdk/client-ec2');
const { NodeHttpHandler } = require('@smithy/node-http-handler');

const config = { region: 'us-east-1', endpoint: process.env.AWS_ENDPOINT_URL, maxAttempts: 1 };
let client;

const operations = {
  'sts-get-caller-identity': () => (client = new STSClient(config)).send(new GetCallerIdentityCommand({})),
  'dynamodb-list-tables': () => (client = new DynamoDBClient(config)).send(new ListTablesCommand({})),
  // Kinesis defaults to an HTTP/2 handler, which needs TLS (ALPN): over the
  // fake endpoint's plain http it must use the HTTP/1.1 one.
  'kinesis-list-streams': () =>
    (client = new KinesisClient({ ...config, requestHandler: new NodeHttpHandler() })).send(new ListStreamsCommand({})),
  's3-list-objects-v2': () =>
    (client = new S3Client({ ...config, forcePathStyle: true })).send(new ListObjectsV2Command({ Bucket: 'my-bucket' })),
  'ec2-describe-instances': () => (client = new EC2Client(config)).send(new DescribeInstancesCommand({})),
};

// Not printed: tells the capture script whether the SDK corrected its clock.
process.on('exit', () => {
  if (process.env.CONFORMANCE_META && client) {
    fs.writeFileSync(process.env.CONFORMANCE_META, JSON.stringify({
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
