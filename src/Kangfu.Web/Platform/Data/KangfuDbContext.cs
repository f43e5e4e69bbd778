using Kangfu.Web.Modules.Access;
using Kangfu.Web.Modules.Audit;
using Kangfu.Web.Modules.Catalog;
using Kangfu.Web.Modules.FollowUps;
using Kangfu.Web.Modules.Organization;
using Kangfu.Web.Modules.Referrals;
using Kangfu.Web.Modules.Registry;
using Kangfu.Web.Modules.ServiceRecords;
using Kangfu.Web.Modules.Subsidies;
using Kangfu.Web.Modules.Surveys;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace Kangfu.Web.Platform.Data;

/// <summary>The one context. Each module contributes its entity configurations; tables carry a module prefix.</summary>
public abstract class KangfuDbContext(DbContextOptions options)
    : IdentityDbContext<AppUser, IdentityRole, string>(options), IDataProtectionKeyContext
{
    /// <summary>Cookie and antiforgery keys, shared by every instance and kept across restarts.</summary>
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    public DbSet<Person> Persons => Set<Person>();
    public DbSet<PersonEvent> PersonEvents => Set<PersonEvent>();
    public DbSet<ImportBatch> ImportBatches => Set<ImportBatch>();
    public DbSet<Area> Areas => Set<Area>();
    public DbSet<Institution> Institutions => Set<Institution>();
    public DbSet<InstitutionServiceArea> InstitutionServiceAreas => Set<InstitutionServiceArea>();
    public DbSet<CaseAccessGrant> CaseAccessGrants => Set<CaseAccessGrant>();
    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();
    public DbSet<AuditCheckpoint> AuditCheckpoints => Set<AuditCheckpoint>();
    public DbSet<ServiceItem> ServiceItems => Set<ServiceItem>();
    public DbSet<DeviceProduct> DeviceProducts => Set<DeviceProduct>();
    public DbSet<Intake> Intakes => Set<Intake>();
    public DbSet<IntakeNeed> IntakeNeeds => Set<IntakeNeed>();
    public DbSet<SurveyCampaign> SurveyCampaigns => Set<SurveyCampaign>();
    public DbSet<RehabCase> Cases => Set<RehabCase>();
    public DbSet<CaseTransition> CaseTransitions => Set<CaseTransition>();
    public DbSet<CaseSignature> CaseSignatures => Set<CaseSignature>();
    public DbSet<FollowUp> FollowUps => Set<FollowUp>();
    public DbSet<FollowUpRule> FollowUpRules => Set<FollowUpRule>();
    public DbSet<FundSource> FundSources => Set<FundSource>();
    public DbSet<Budget> Budgets => Set<Budget>();
    public DbSet<SubsidyApplication> SubsidyApplications => Set<SubsidyApplication>();
    public DbSet<SubsidyDecision> SubsidyDecisions => Set<SubsidyDecision>();
    public DbSet<ServiceCard> ServiceCards => Set<ServiceCard>();
    public DbSet<ServiceCardItem> ServiceCardItems => Set<ServiceCardItem>();
    public DbSet<ServicePlan> ServicePlans => Set<ServicePlan>();
    public DbSet<ServiceSession> ServiceSessions => Set<ServiceSession>();
    public DbSet<Settlement> Settlements => Set<Settlement>();

    public abstract bool IsPostgres { get; }

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(KangfuDbContext).Assembly);
        IdentityTables.Rename(builder);
        builder.Entity<DataProtectionKey>().ToTable("platform_data_protection_keys");
        ModelConventions.Apply(builder);
    }
}

public sealed class SqliteKangfuDbContext(DbContextOptions<SqliteKangfuDbContext> options) : KangfuDbContext(options)
{
    public override bool IsPostgres => false;
}

public sealed class PostgresKangfuDbContext(DbContextOptions<PostgresKangfuDbContext> options) : KangfuDbContext(options)
{
    public override bool IsPostgres => true;

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        PersonConfiguration.AddPostgresSearchIndexes(builder);
    }
}
