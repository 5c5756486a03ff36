import boto3

s3 = boto3.client("s3")
listing = s3.list_objects_v2(Bucket="my-bucket")
for obj in listing.get("Contents", []):
    print(obj["Key"])
