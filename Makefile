# The two commands (see README.md). Each installs whatever is missing first.
#   make run   build the release app and serve it on http://127.0.0.1:8080
#   make test  the whole suite: fmt, clippy, native + browser tests, build, e2e, size
.PHONY: run test help
.DEFAULT_GOAL := help

run:
	@scripts/run.sh

test:
	@scripts/test.sh

help:
	@echo "make run   - build the release app and serve it on http://127.0.0.1:8080"
	@echo "make test  - run the whole test suite"
