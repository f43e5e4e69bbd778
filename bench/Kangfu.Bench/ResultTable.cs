namespace Kangfu.Bench;

/// <summary>The one result format: <c>metric, subject, anchor, ratio, goal, PASS/FAIL</c> (plus indented detail lines).</summary>
internal sealed class ResultTable
{
    private readonly List<string> lines = [];

    public bool Failed { get; private set; }

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
        Failed = true;
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
