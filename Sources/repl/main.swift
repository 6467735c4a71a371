// placeholder, replaced by the CLI
print("ssl")
