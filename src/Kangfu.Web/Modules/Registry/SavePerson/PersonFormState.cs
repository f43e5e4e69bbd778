using Kangfu.Web.Modules.Organization;

namespace Kangfu.Web.Modules.Registry.SavePerson;

/// <summary>
/// The person form between renders: the input, which fields the user has touched, and the messages to show.
/// Rules run on every change; a field shows its message once touched, and every field after a save attempt.
/// </summary>
public sealed class PersonFormState(SavePersonInput input, IReadOnlyList<AreaNode> areas, DateOnly today)
{
    private readonly HashSet<string> touched = new(StringComparer.Ordinal);
    private Dictionary<string, string> serverErrors = new(StringComparer.Ordinal);
    private Dictionary<string, string> ruleErrors = SavePersonRules.Validate(input, today);

    public SavePersonInput Input { get; } = input;
    public IReadOnlyList<AreaNode> Areas { get; } = areas;
    public DateOnly Today { get; } = today;
    public bool Submitted { get; private set; }

    /// <summary>The message for a field, or null when it is fine or not yet touched.</summary>
    public string? Error(string field) =>
        serverErrors.TryGetValue(field, out var server) ? server
        : (Submitted || touched.Contains(field)) && ruleErrors.TryGetValue(field, out var rule) ? rule
        : null;

    public bool HasError(string field) => Error(field) is not null;

    /// <summary>Every message currently shown, in form order, for the error summary.</summary>
    public IReadOnlyList<(string Field, string Message)> VisibleErrors =>
        FieldOrder.Select(f => (f, Error(f))).Where(e => e.Item2 is not null).Select(e => (e.f, e.Item2!)).ToList();

    public void Set(string field, Action<SavePersonInput> change)
    {
        change(Input);
        touched.Add(field);
        serverErrors.Remove(field);
        ruleErrors = SavePersonRules.Validate(Input, Today);
    }

    /// <summary>Marks the form submitted; true when the rules pass and the action may run.</summary>
    public bool TrySubmit()
    {
        Submitted = true;
        ruleErrors = SavePersonRules.Validate(Input, Today);
        return ruleErrors.Count == 0;
    }

    public void ShowServerErrors(IReadOnlyDictionary<string, string> errors) =>
        serverErrors = new Dictionary<string, string>(errors, StringComparer.Ordinal);

    /// <summary>The ID number parsed, for showing the derived sex, birth date and age.</summary>
    public ResidentId? ParsedId => ResidentId.TryParse(Input.IdNumber, Today, out var id, out _) ? id : null;

    private static readonly string[] FieldOrder =
    [
        nameof(SavePersonInput.Name), nameof(SavePersonInput.IdNumber), nameof(SavePersonInput.TargetType),
        nameof(SavePersonInput.Category), nameof(SavePersonInput.Grade), nameof(SavePersonInput.Components),
        nameof(SavePersonInput.CertificateNumber), nameof(SavePersonInput.CertificateIssueDate), nameof(SavePersonInput.AreaCode),
        nameof(SavePersonInput.Phone), nameof(SavePersonInput.GuardianName), nameof(SavePersonInput.GuardianRelation),
        nameof(SavePersonInput.GuardianPhone), nameof(SavePersonInput.BankAccount), nameof(SavePersonInput.Diagnosis), nameof(SavePersonInput.Status), nameof(SavePersonInput.StatusDate),
        nameof(SavePersonInput.Version),
    ];
}
