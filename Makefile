# The two commands of the README: `make generate` and `make test`.
GO ?= go
FUZZTIME ?= 10s

.PHONY: generate spec sdk test check fuzz bench fetch-docs spec-diff interop sizes

## generate: spec/pages -> spec/openapi.yaml + spec/REPORT.md -> the SDK packages under sdk/ (no network)
generate: spec sdk

spec:
	$(GO) run ./cmd/docs2spec -pages spec/pages -spec spec/openapi.yaml -report spec/REPORT.md

sdk: spec
	$(GO) run ./cmd/sdkgen -spec spec/openapi.yaml -out sdk
	$(GO) generate ./sdk

## fetch-docs: refresh spec/pages from docs.dataforseo.com (the only target that uses the network)
fetch-docs:
	$(GO) run ./cmd/docs2spec fetch -sources spec/sources.txt -pages spec/pages

## spec-diff: what changed in spec/openapi.yaml since BASE (default main), breaking or not for SDK users
BASE ?= main
spec-diff:
	$(GO) run ./cmd/docs2spec diff -base-ref $(BASE) -head spec/openapi.yaml

## test: vet, every test, and the runtime's tests again under the race detector (no network)
test:
	$(GO) vet ./...
	$(GO) test ./...
	$(GO) test -race ./sdk/...

## check: regenerate everything and fail if anything committed differs
check: generate
	git diff --exit-code -- spec sdk

## fuzz: a short run of every fuzzer (the page formats, the page splitter, the JSON repair, the filter grammar, the wire check, the mock server)
fuzz:
	@for pkg in ./gen/page ./gen/jsonfix ./sdk ./sdk/sdktest; do \
		for f in $$($(GO) test $$pkg -list '^Fuzz' | grep '^Fuzz'); do \
			echo "$$pkg $$f"; $(GO) test $$pkg -run '^$$' -fuzz "^$$f$$" -fuzztime $(FUZZTIME) || exit 1; \
		done; \
	done

## interop: oapi-codegen generates models and a client from the spec and they build (also part of make test)
interop:
	$(GO) test ./golden -run '^TestOAPICodegenBuilds$$' -v

## sizes: per section, spec bytes, operations and generated Go lines per operation; cold and warm go build ./sdk/... and go vet ./... times (a markdown table)
sizes:
	@$(GO) run ./cmd/sdkgen sizes -spec spec/openapi.yaml -sdk sdk

## bench: the benchmarks (compare runs with benchstat)
bench:
	$(GO) test ./... -run '^$$' -bench . -benchmem
