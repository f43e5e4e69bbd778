using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Kangfu.Web.Platform.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class RehabLoop : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "catalog_device_products",
                columns: table => new
                {
                    district_code = table.Column<string>(type: "TEXT", fixedLength: true, maxLength: 6, nullable: false),
                    code = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    class_name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    sub_class_name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    division_name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    function_tags = table.Column<string>(type: "TEXT", maxLength: 60, nullable: false),
                    source_version = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_catalog_device_products", x => new { x.district_code, x.code });
                });

            migrationBuilder.CreateTable(
                name: "catalog_service_items",
                columns: table => new
                {
                    district_code = table.Column<string>(type: "TEXT", fixedLength: true, maxLength: 6, nullable: false),
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    catalog_year = table.Column<int>(type: "INTEGER", nullable: false),
                    code = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    form_label = table.Column<string>(type: "TEXT", maxLength: 60, nullable: false),
                    category = table.Column<int>(type: "INTEGER", nullable: false),
                    sub_population = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    marker = table.Column<int>(type: "INTEGER", nullable: false),
                    age_min = table.Column<int>(type: "INTEGER", nullable: true),
                    age_max = table.Column<int>(type: "INTEGER", nullable: true),
                    form_order = table.Column<int>(type: "INTEGER", nullable: false),
                    kind = table.Column<int>(type: "INTEGER", nullable: false),
                    is_device_need = table.Column<bool>(type: "INTEGER", nullable: false),
                    requires_certificate = table.Column<bool>(type: "INTEGER", nullable: false),
                    max_grade = table.Column<int>(type: "INTEGER", nullable: true),
                    subsidy_amount = table.Column<decimal>(type: "TEXT", precision: 12, scale: 2, nullable: false),
                    subsidy_unit = table.Column<int>(type: "INTEGER", nullable: false),
                    yearly_cap = table.Column<decimal>(type: "TEXT", precision: 12, scale: 2, nullable: true),
                    max_months_per_year = table.Column<int>(type: "INTEGER", nullable: true),
                    service_life_months = table.Column<int>(type: "INTEGER", nullable: true),
                    effective_from = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    effective_to = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    is_active = table.Column<bool>(type: "INTEGER", nullable: false),
                    notes = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    version = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_catalog_service_items", x => new { x.district_code, x.id });
                });

            migrationBuilder.CreateTable(
                name: "referrals_cases",
                columns: table => new
                {
                    district_code = table.Column<string>(type: "TEXT", fixedLength: true, maxLength: 6, nullable: false),
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    person_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    area_code = table.Column<string>(type: "TEXT", fixedLength: true, maxLength: 12, nullable: false),
                    year = table.Column<int>(type: "INTEGER", nullable: false),
                    kind = table.Column<int>(type: "INTEGER", nullable: false),
                    state = table.Column<int>(type: "INTEGER", nullable: false),
                    withdraw_to = table.Column<int>(type: "INTEGER", nullable: true),
                    category = table.Column<int>(type: "INTEGER", nullable: false),
                    service_item_id = table.Column<Guid>(type: "TEXT", nullable: true),
                    service_item_code = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    service_item_name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    intake_id = table.Column<Guid>(type: "TEXT", nullable: true),
                    intake_need_id = table.Column<Guid>(type: "TEXT", nullable: true),
                    parent_case_id = table.Column<Guid>(type: "TEXT", nullable: true),
                    prosthesis_kind = table.Column<int>(type: "INTEGER", nullable: false),
                    direction = table.Column<int>(type: "INTEGER", nullable: false),
                    institution_id = table.Column<Guid>(type: "TEXT", nullable: true),
                    home_service_requested = table.Column<bool>(type: "INTEGER", nullable: false),
                    home_visit_requested = table.Column<bool>(type: "INTEGER", nullable: false),
                    outcome = table.Column<int>(type: "INTEGER", nullable: true),
                    cancel_reason = table.Column<int>(type: "INTEGER", nullable: true),
                    note = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    created_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    state_changed_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    version = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_referrals_cases", x => new { x.district_code, x.id });
                    table.ForeignKey(
                        name: "FK_referrals_cases_registry_persons_district_code_person_id",
                        columns: x => new { x.district_code, x.person_id },
                        principalTable: "registry_persons",
                        principalColumns: new[] { "district_code", "id" },
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "surveys_campaigns",
                columns: table => new
                {
                    district_code = table.Column<string>(type: "TEXT", fixedLength: true, maxLength: 6, nullable: false),
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    year = table.Column<int>(type: "INTEGER", nullable: false),
                    area_code = table.Column<string>(type: "TEXT", fixedLength: true, maxLength: 12, nullable: false),
                    name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    starts_on = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    ends_on = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    created_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    version = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_surveys_campaigns", x => new { x.district_code, x.id });
                });

            migrationBuilder.CreateTable(
                name: "surveys_intakes",
                columns: table => new
                {
                    district_code = table.Column<string>(type: "TEXT", fixedLength: true, maxLength: 6, nullable: false),
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    person_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    campaign_id = table.Column<Guid>(type: "TEXT", nullable: true),
                    area_code = table.Column<string>(type: "TEXT", fixedLength: true, maxLength: 12, nullable: false),
                    year = table.Column<int>(type: "INTEGER", nullable: false),
                    fill_date = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    categories = table.Column<int>(type: "INTEGER", nullable: false),
                    unrated = table.Column<bool>(type: "INTEGER", nullable: false),
                    grade = table.Column<int>(type: "INTEGER", nullable: true),
                    has_need = table.Column<bool>(type: "INTEGER", nullable: false),
                    needs_home_service = table.Column<bool>(type: "INTEGER", nullable: false),
                    person_signature = table.Column<byte[]>(type: "BLOB", nullable: true),
                    staff_signature = table.Column<byte[]>(type: "BLOB", nullable: true),
                    status = table.Column<int>(type: "INTEGER", nullable: false),
                    created_by = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                    created_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    submitted_at = table.Column<DateTime>(type: "TEXT", nullable: true),
                    version = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_surveys_intakes", x => new { x.district_code, x.id });
                    table.ForeignKey(
                        name: "FK_surveys_intakes_registry_persons_district_code_person_id",
                        columns: x => new { x.district_code, x.person_id },
                        principalTable: "registry_persons",
                        principalColumns: new[] { "district_code", "id" },
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "referrals_case_transitions",
                columns: table => new
                {
                    district_code = table.Column<string>(type: "TEXT", fixedLength: true, maxLength: 6, nullable: false),
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    case_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    from = table.Column<int>(type: "INTEGER", nullable: false),
                    to = table.Column<int>(type: "INTEGER", nullable: false),
                    action = table.Column<int>(type: "INTEGER", nullable: false),
                    user_id = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                    user_name = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    user_area_code = table.Column<string>(type: "TEXT", maxLength: 12, nullable: true),
                    comment = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_referrals_case_transitions", x => new { x.district_code, x.id });
                    table.ForeignKey(
                        name: "FK_referrals_case_transitions_referrals_cases_district_code_case_id",
                        columns: x => new { x.district_code, x.case_id },
                        principalTable: "referrals_cases",
                        principalColumns: new[] { "district_code", "id" },
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "surveys_intake_needs",
                columns: table => new
                {
                    district_code = table.Column<string>(type: "TEXT", fixedLength: true, maxLength: 6, nullable: false),
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    intake_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    service_item_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    category = table.Column<int>(type: "INTEGER", nullable: false),
                    direction = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_surveys_intake_needs", x => new { x.district_code, x.id });
                    table.ForeignKey(
                        name: "FK_surveys_intake_needs_surveys_intakes_district_code_intake_id",
                        columns: x => new { x.district_code, x.intake_id },
                        principalTable: "surveys_intakes",
                        principalColumns: new[] { "district_code", "id" },
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_catalog_service_items_district_code_catalog_year_code",
                table: "catalog_service_items",
                columns: new[] { "district_code", "catalog_year", "code" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_referrals_case_transitions_district_code_case_id_at",
                table: "referrals_case_transitions",
                columns: new[] { "district_code", "case_id", "at" });

            migrationBuilder.CreateIndex(
                name: "IX_referrals_cases_district_code_institution_id_state",
                table: "referrals_cases",
                columns: new[] { "district_code", "institution_id", "state" });

            migrationBuilder.CreateIndex(
                name: "IX_referrals_cases_district_code_person_id_year",
                table: "referrals_cases",
                columns: new[] { "district_code", "person_id", "year" });

            migrationBuilder.CreateIndex(
                name: "IX_referrals_cases_district_code_state_kind",
                table: "referrals_cases",
                columns: new[] { "district_code", "state", "kind" });

            migrationBuilder.CreateIndex(
                name: "IX_surveys_campaigns_district_code_year_area_code",
                table: "surveys_campaigns",
                columns: new[] { "district_code", "year", "area_code" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_surveys_intake_needs_district_code_intake_id_service_item_id",
                table: "surveys_intake_needs",
                columns: new[] { "district_code", "intake_id", "service_item_id" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_surveys_intakes_district_code_area_code_year",
                table: "surveys_intakes",
                columns: new[] { "district_code", "area_code", "year" });

            migrationBuilder.CreateIndex(
                name: "IX_surveys_intakes_district_code_person_id_year",
                table: "surveys_intakes",
                columns: new[] { "district_code", "person_id", "year" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "catalog_device_products");

            migrationBuilder.DropTable(
                name: "catalog_service_items");

            migrationBuilder.DropTable(
                name: "referrals_case_transitions");

            migrationBuilder.DropTable(
                name: "surveys_campaigns");

            migrationBuilder.DropTable(
                name: "surveys_intake_needs");

            migrationBuilder.DropTable(
                name: "referrals_cases");

            migrationBuilder.DropTable(
                name: "surveys_intakes");
        }
    }
}
