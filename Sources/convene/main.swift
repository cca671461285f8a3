import ConveneServer
import ArgumentParser
print("x")
