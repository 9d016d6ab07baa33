from safetycheck.cli.app import main

main()
