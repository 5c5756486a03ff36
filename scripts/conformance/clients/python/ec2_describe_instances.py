import boto3

ec2 = boto3.client("ec2")
reservations = ec2.describe_instances()["Reservations"]
print(len(reservations), "reservations")
