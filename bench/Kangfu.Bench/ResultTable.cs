namespace Kangfu.Bench;

/// <summary>The one result format: <c>metric, subject, anchor, ratio, goal, PASS/FAIL</c> (plus indented detail lines).</summary>
internal sealed class ResultTable
{
    private readonly List<string> lines = [];

    /// <summary>Some line missed its goal (FAIL): a finding, not an error; exit 1 only with --strict.</summary>
    public bool Failed { get; private set; }

    /// <summary>A benchmark could not run or its subject and anchor disagreed (incorrect results): always exit 1.</summary>
    public bool Errors { get; private set; }

    public void Add(string metric, string subject, string anchor, double ratio, string goal, bool pass)
    {
        Failed |= !pass;
        var line = Measure.Invariant($"{metric}, {subject}, {anchor}, {ratio:F2}x, {goal}, {(pass ? "PASS" : "FAIL")}");
        lines.Add(line);
        Console.WriteLine("= " + line);
    }

    public void Detail(string text) => lines.Add("  (" + text + ")");

    public void Error(string suite, Exception error)
    {
        Errors = true;
        lines.Add($"{suite}, ERROR: {error.GetType().Name}: {error.Message}");
        Console.WriteLine($"# {suite} failed: {error}");
    }

    public void Print()
    {
        Console.WriteLine();
        Console.WriteLine("metric, subject, anchor, ratio, goal, PASS/FAIL");
        lines.ForEach(Console.WriteLine);
    }
}
