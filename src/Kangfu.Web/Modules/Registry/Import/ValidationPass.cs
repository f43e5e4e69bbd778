using Kangfu.Web.Platform.Privacy;

namespace Kangfu.Web.Modules.Registry.Import;

/// <summary>
/// One streaming pass over the file: every row checked, bad rows to the error file (when one is kept), valid rows spilled
/// in their stored form (<see cref="ImportSpill"/>) with their audit and timeline texts. Nothing is held per row in memory
/// but the ID numbers seen (to report duplicates).
/// </summary>
internal static class ValidationPass
{
    /// <summary>Rows parsed ahead of the check (a few hundred KB at most).</summary>
    private const int ReadAhead = 1024;

    public static SpillManifest Run(ImportPipeline pipeline, ImportContext context, ImportSpill spill, ImportTally tally,
        ErrorFileWriter? errors, ImportJob job, CancellationToken ct)
    {
        var validator = new RowValidator(pipeline.Map, context);
        int checks;
        using (var set = spill.Create())
        {
            foreach (var row in pipeline.DataRowsReadAhead(ReadAhead, ct))
            {
                ct.ThrowIfCancellationRequested();
                var result = validator.Validate(row);
                tally.Add(result);
                if (!result.IsValid)
                {
                    errors?.Add(row, result.Errors);
                }
                Spill(set, result);
                job.Advance();
            }
            checks = set.Check.Count;
        }
        var manifest = new SpillManifest(context.Today, context.Areas.Fingerprint, [.. pipeline.Map.Present.Order()],
            tally.New, tally.Changed, tally.Unchanged, tally.Invalid, checks);
        spill.SaveManifest(manifest);
        return manifest;
    }

    private static void Spill(SpillSet set, ValidatedRow row)
    {
        if (row.Existing is { } existing)
        {
            // Also for unchanged and invalid rows: a later change of the stored person may change their outcome.
            set.Check.Values[0] = existing.Id;
            set.Check.Values[1] = existing.Version;
            set.Check.Write();
        }
        if (row.Change is not (RowChange.New or RowChange.Changed))
        {
            return;
        }
        var p = row.Person!;
        var isNew = row.Change == RowChange.New;
        var person = isNew ? set.New : set.Changed;
        var values = person.Values;
        values[0] = p.Id;
        values[1] = FieldProtection.Protect(p.IdNumber);
        values[2] = FieldProtection.BlindIndex.IdNumber(p.IdNumber);
        for (var i = 0; i < PersonFields.Data.Count; i++)
        {
            values[SpillRecords.PersonFieldsStart + i] = PersonFields.Data[i].Stored(p);
        }
        person.Write();
        set.Events.Values[0] = p.Id;
        set.Events.Values[1] = isNew ? 1 : 0;
        set.Events.Values[2] = isNew ? null : PersonFields.ChangedColumns(row.ChangedFields);
        set.Events.Write();
        set.Audit.Values[0] = p.Id;
        set.Audit.Values[1] = isNew ? 1 : 0;
        set.Audit.Values[2] = MergeTexts.Changes(row);
        set.Audit.Write();
    }
}
