"""Prints the plain 'N passed, N failed' line from the TRX files that dotnet test wrote."""
import glob, re, sys

passed = failed = skipped = 0
for path in glob.glob(f"{sys.argv[1]}/**/*.trx", recursive=True):
    counters = re.search(r"<Counters [^>]*", open(path, encoding="utf-8").read())
    if counters:
        c = counters.group(0)
        passed += int(re.search(r'passed="(\d+)"', c).group(1))
        failed += int(re.search(r'failed="(\d+)"', c).group(1))
        skipped += int(re.search(r'notExecuted="(\d+)"', c).group(1))
print(f"{passed} passed, {failed} failed, {skipped} skipped")
