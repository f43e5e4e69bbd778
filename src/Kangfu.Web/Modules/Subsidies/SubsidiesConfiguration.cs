using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Kangfu.Web.Modules.Subsidies;

internal sealed class FundSourceConfiguration : IEntityTypeConfiguration<FundSource>
{
    public void Configure(EntityTypeBuilder<FundSource> b)
    {
        b.ToTable("subsidies_fund_sources");
        b.HasKey(f => new { f.DistrictCode, f.Id });
        b.Property(f => f.DistrictCode).HasMaxLength(6).IsFixedLength();
        b.Property(f => f.Name).HasMaxLength(60);
        b.HasIndex(f => new { f.DistrictCode, f.Name }).IsUnique();
    }
}

internal sealed class BudgetConfiguration : IEntityTypeConfiguration<Budget>
{
    public void Configure(EntityTypeBuilder<Budget> b)
    {
        b.ToTable("subsidies_budgets");
        b.HasKey(x => new { x.DistrictCode, x.Id });
        b.Property(x => x.DistrictCode).HasMaxLength(6).IsFixedLength();
        b.Property(x => x.Amount).HasPrecision(14, 2);
        b.Property(x => x.Approved).HasPrecision(14, 2);
        b.Property(x => x.Note).HasMaxLength(500);
        b.Ignore(x => x.Remaining);
        b.HasIndex(x => new { x.DistrictCode, x.FundSourceId, x.Year }).IsUnique();
        b.HasOne<FundSource>().WithMany().HasForeignKey(x => new { x.DistrictCode, x.FundSourceId });
    }
}

internal sealed class SubsidyApplicationConfiguration : IEntityTypeConfiguration<SubsidyApplication>
{
    public void Configure(EntityTypeBuilder<SubsidyApplication> b)
    {
        b.ToTable("subsidies_applications");
        b.HasKey(a => new { a.DistrictCode, a.Id });
        b.Property(a => a.DistrictCode).HasMaxLength(6).IsFixedLength();
        b.Property(a => a.AreaCode).HasMaxLength(12).IsFixedLength();
        b.Property(a => a.ServiceItemCode).HasMaxLength(20);
        b.Property(a => a.ServiceItemName).HasMaxLength(100);
        b.Property(a => a.AmountRequested).HasPrecision(12, 2);
        b.Property(a => a.AmountApproved).HasPrecision(12, 2);
        b.Property(a => a.Note).HasMaxLength(1000);
        b.Ignore(a => a.IsOpen);
        b.HasIndex(a => new { a.DistrictCode, a.State, a.AreaCode });
        b.HasIndex(a => new { a.DistrictCode, a.PersonId, a.Year });
        b.HasIndex(a => new { a.DistrictCode, a.CaseId });
        b.HasOne<Registry.Person>().WithMany().HasForeignKey(a => new { a.DistrictCode, a.PersonId });
        b.HasOne<Referrals.RehabCase>().WithMany().HasForeignKey(a => new { a.DistrictCode, a.CaseId });
    }
}

internal sealed class SubsidyDecisionConfiguration : IEntityTypeConfiguration<SubsidyDecision>
{
    public void Configure(EntityTypeBuilder<SubsidyDecision> b)
    {
        b.ToTable("subsidies_decisions");
        b.HasKey(d => new { d.DistrictCode, d.Id });
        b.Property(d => d.DistrictCode).HasMaxLength(6).IsFixedLength();
        b.Property(d => d.Amount).HasPrecision(12, 2);
        b.Property(d => d.UserId).HasMaxLength(450);
        b.Property(d => d.UserName).HasMaxLength(50);
        b.Property(d => d.Comment).HasMaxLength(1000);
        b.HasIndex(d => new { d.DistrictCode, d.ApplicationId, d.At });
        b.HasOne<SubsidyApplication>().WithMany().HasForeignKey(d => new { d.DistrictCode, d.ApplicationId });
    }
}

internal sealed class ServiceCardConfiguration : IEntityTypeConfiguration<ServiceCard>
{
    public void Configure(EntityTypeBuilder<ServiceCard> b)
    {
        b.ToTable("subsidies_service_cards");
        b.HasKey(c => new { c.DistrictCode, c.Id });
        b.Property(c => c.DistrictCode).HasMaxLength(6).IsFixedLength();
        b.Property(c => c.Number).HasMaxLength(30);
        b.HasIndex(c => new { c.DistrictCode, c.Number }).IsUnique();
        b.HasIndex(c => new { c.DistrictCode, c.Year, c.Sequence }).IsUnique();
        b.HasIndex(c => new { c.DistrictCode, c.PersonId, c.Year }).IsUnique();
        b.HasOne<Registry.Person>().WithMany().HasForeignKey(c => new { c.DistrictCode, c.PersonId });
        b.HasMany(c => c.Items).WithOne().HasForeignKey(i => new { i.DistrictCode, i.CardId });
    }
}

internal sealed class ServiceCardItemConfiguration : IEntityTypeConfiguration<ServiceCardItem>
{
    public void Configure(EntityTypeBuilder<ServiceCardItem> b)
    {
        b.ToTable("subsidies_service_card_items");
        b.HasKey(i => new { i.DistrictCode, i.Id });
        b.Property(i => i.DistrictCode).HasMaxLength(6).IsFixedLength();
        b.Property(i => i.ServiceItemCode).HasMaxLength(20);
        b.Property(i => i.ServiceItemName).HasMaxLength(100);
        b.Property(i => i.ApprovedAmount).HasPrecision(12, 2);
        b.Property(i => i.Spent).HasPrecision(12, 2);
        b.Ignore(i => i.Balance);
        b.HasIndex(i => new { i.DistrictCode, i.ApplicationId }).IsUnique();
        b.HasIndex(i => new { i.DistrictCode, i.CaseId });
        b.HasOne<SubsidyApplication>().WithMany().HasForeignKey(i => new { i.DistrictCode, i.ApplicationId });
    }
}
