using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Kangfu.Web.Platform.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class FollowUps : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "followups_rules",
                columns: table => new
                {
                    district_code = table.Column<string>(type: "character(6)", fixedLength: true, maxLength: 6, nullable: false),
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    case_kind = table.Column<int>(type: "integer", nullable: false),
                    kind = table.Column<int>(type: "integer", nullable: false),
                    sequence = table.Column<int>(type: "integer", nullable: false),
                    offset_months = table.Column<int>(type: "integer", nullable: false),
                    offset_days = table.Column<int>(type: "integer", nullable: false),
                    lead_days = table.Column<int>(type: "integer", nullable: false),
                    grace_days = table.Column<int>(type: "integer", nullable: false),
                    effective_from = table.Column<DateOnly>(type: "date", nullable: false),
                    effective_to = table.Column<DateOnly>(type: "date", nullable: true),
                    form_version = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    version = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_followups_rules", x => new { x.district_code, x.id });
                });

            migrationBuilder.CreateTable(
                name: "followups_visits",
                columns: table => new
                {
                    district_code = table.Column<string>(type: "character(6)", fixedLength: true, maxLength: 6, nullable: false),
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    case_id = table.Column<Guid>(type: "uuid", nullable: false),
                    person_id = table.Column<Guid>(type: "uuid", nullable: false),
                    area_code = table.Column<string>(type: "character(12)", fixedLength: true, maxLength: 12, nullable: false),
                    case_kind = table.Column<int>(type: "integer", nullable: false),
                    kind = table.Column<int>(type: "integer", nullable: false),
                    sequence = table.Column<int>(type: "integer", nullable: false),
                    rule_id = table.Column<Guid>(type: "uuid", nullable: false),
                    due_on = table.Column<DateOnly>(type: "date", nullable: false),
                    visible_from = table.Column<DateOnly>(type: "date", nullable: false),
                    overdue_after = table.Column<DateOnly>(type: "date", nullable: false),
                    status = table.Column<int>(type: "integer", nullable: false),
                    done_on = table.Column<DateOnly>(type: "date", nullable: true),
                    method = table.Column<int>(type: "integer", nullable: true),
                    method_detail = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    answers_json = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    comment = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    recorded_by_user_id = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: true),
                    recorded_by_name = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: true),
                    recorded_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    created_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    version = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_followups_visits", x => new { x.district_code, x.id });
                    table.ForeignKey(
                        name: "FK_followups_visits_referrals_cases_district_code_case_id",
                        columns: x => new { x.district_code, x.case_id },
                        principalTable: "referrals_cases",
                        principalColumns: new[] { "district_code", "id" },
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "referrals_case_signatures",
                columns: table => new
                {
                    district_code = table.Column<string>(type: "character(6)", fixedLength: true, maxLength: 6, nullable: false),
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    case_id = table.Column<Guid>(type: "uuid", nullable: false),
                    transition_id = table.Column<Guid>(type: "uuid", nullable: false),
                    person_signature = table.Column<byte[]>(type: "bytea", nullable: false),
                    staff_signature = table.Column<byte[]>(type: "bytea", nullable: false),
                    signed_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_referrals_case_signatures", x => new { x.district_code, x.id });
                    table.ForeignKey(
                        name: "FK_referrals_case_signatures_referrals_case_transitions_distri~",
                        columns: x => new { x.district_code, x.transition_id },
                        principalTable: "referrals_case_transitions",
                        principalColumns: new[] { "district_code", "id" },
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_referrals_case_signatures_referrals_cases_district_code_cas~",
                        columns: x => new { x.district_code, x.case_id },
                        principalTable: "referrals_cases",
                        principalColumns: new[] { "district_code", "id" },
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_followups_rules_district_code_case_kind_effective_from",
                table: "followups_rules",
                columns: new[] { "district_code", "case_kind", "effective_from" });

            migrationBuilder.CreateIndex(
                name: "IX_followups_visits_district_code_case_id_sequence",
                table: "followups_visits",
                columns: new[] { "district_code", "case_id", "sequence" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_followups_visits_district_code_status_visible_from",
                table: "followups_visits",
                columns: new[] { "district_code", "status", "visible_from" });

            migrationBuilder.CreateIndex(
                name: "IX_referrals_case_signatures_district_code_case_id",
                table: "referrals_case_signatures",
                columns: new[] { "district_code", "case_id" });

            migrationBuilder.CreateIndex(
                name: "IX_referrals_case_signatures_district_code_transition_id",
                table: "referrals_case_signatures",
                columns: new[] { "district_code", "transition_id" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "followups_rules");

            migrationBuilder.DropTable(
                name: "followups_visits");

            migrationBuilder.DropTable(
                name: "referrals_case_signatures");
        }
    }
}
