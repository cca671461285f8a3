import ConveneServer
print("x")
