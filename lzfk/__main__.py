from lzfk.cli import main

main()
