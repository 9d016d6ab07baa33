from safetycheck.cli import main

main()
