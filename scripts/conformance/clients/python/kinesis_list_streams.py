import boto3

kinesis = boto3.client("kinesis")
streams = kinesis.list_streams()
print(streams["StreamNames"])
