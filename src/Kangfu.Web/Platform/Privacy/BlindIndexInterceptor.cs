using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Kangfu.Web.Platform.Privacy;

/// <summary>An entity that keeps blind indexes of its encrypted identifiers.</summary>
public interface IHasBlindIndex
{
    void RefreshBlindIndexes(BlindIndex index);
}

/// <summary>Recomputes the blind indexes of added and modified rows just before they are saved.</summary>
public sealed class BlindIndexInterceptor : SaveChangesInterceptor
{
    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        Refresh(eventData.Context);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Refresh(eventData.Context);
        return ValueTask.FromResult(result);
    }

    private static void Refresh(DbContext? context)
    {
        if (context is null)
        {
            return;
        }
        context.ChangeTracker.DetectChanges();
        foreach (var entry in context.ChangeTracker.Entries<IHasBlindIndex>().Where(e => e.State is EntityState.Added or EntityState.Modified))
        {
            entry.Entity.RefreshBlindIndexes(FieldProtection.BlindIndex);
        }
    }
}
