#!/usr/bin/env bash
# Regenerates the EF Core compiled models of Core's context (both providers) after any model or migration change.
# CompiledModelTests fails until this has been run. Needs the dotnet-ef tool of the EF Core version in use:
#   dotnet tool install --tool-path /tmp/ef dotnet-ef --version 10.0.15   (then PATH=$PATH:/tmp/ef, or set DOTNET_EF)
set -euo pipefail
cd "$(dirname "$0")/.."
ef="${DOTNET_EF:-$(command -v dotnet-ef || echo /tmp/ef/dotnet-ef)}"
# The stale models may no longer compile against the changed entities, so build once without them: the registration
# is pointed at no model for the duration (restored on exit, whatever happens).
sce=ExecReports.Core/ServiceCollectionExtensions.cs
cp "$sce" "$sce.bak"
trap 'mv "$sce.bak" "$sce"' EXIT
sed -i 's/sqliteModel: Data.CompiledModels.Sqlite.AppDbContextModel.Instance,/sqliteModel: null,/; s/postgresModel: Data.CompiledModels.Postgres.PostgresAppDbContextModel.Instance);/postgresModel: null);/' "$sce"
rm -rf ExecReports.Core/Data/CompiledModels
dotnet build ExecReports.Core -c Debug -m:1 -nodeReuse:false -nologo -v q -clp:NoSummary
for spec in "AppDbContext Sqlite" "PostgresAppDbContext Postgres"; do
  set -- $spec
  "$ef" dbcontext optimize --no-build --project ExecReports.Core --startup-project ExecReports.Core \
    --context "$1" --output-dir "Data/CompiledModels/$2" --namespace "ExecReports.Core.Data.CompiledModels.$2"
done
