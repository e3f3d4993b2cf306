import { VERSION } from "../version.js";

export const HELP = `halo-lms-mcp ${VERSION} — MCP server for a Grand Canyon University student's Halo LMS account

Usage:
  halo-lms-mcp [options]            run the MCP server (stdio by default)
  halo-lms-mcp login [options]      sign in to Halo in your browser and save the login (the easy way)
  halo-lms-mcp init [options]       save your Halo login to the config file and print client setup
  halo-lms-mcp doctor [options]     check config, login, connectivity and permissions
  halo-lms-mcp --sandbox            run on stdio against a built-in simulated Halo (no account needed)
  halo-lms-mcp --help | --version

Server options:
  --transport stdio|http   MCP_TRANSPORT   (default stdio)
  --host <addr>            MCP_HOST        HTTP bind address (default 127.0.0.1)
  --port <n>               MCP_PORT        HTTP port (default 8000)
  --config <file>          HALO_CONFIG     config file (default ./config.json)
  --read-only              HALO_READ_ONLY  only read tools; nothing can be sent or submitted
  --log-level <level>      LOG_LEVEL       debug|info|warn|error (logs go to stderr)

login options (opens your installed Chrome, Edge or Chromium; never downloads a browser):
  --browser <path>         HALO_BROWSER    the browser to open (default: Chrome, Edge or Chromium, found)
  --timeout <seconds>      how long to wait for you to sign in (default 300)
  --fresh                  start from an empty browser profile (the profile sits beside the config file)

init options (prefer stdin or environment for secrets: command-line flags are visible in \`ps\`):
  --stdin                  read the Cookie header (or "authToken contextToken") from standard input
  --cookie <header>        HALO_COOKIE          the Cookie header of a logged-in halo.gcu.edu tab
  --auth-token <t>         HALO_AUTH_TOKEN      raw gateway token (with --context-token)
  --context-token <t>      HALO_CONTEXT_TOKEN
  --no-validate            save without checking the login against Halo

doctor options:
  --live                   also run every Halo read once against your account and print a compatibility report
                           (no ids, names, tokens or content: safe to paste into a bug report)
  --json                   with --live: print only that report, as JSON

HTTP mode needs Authorization: Bearer <MCP_AUTH_TOKEN> on every request; if none is configured one is
generated on first start, saved in the config file, and the \`claude mcp add\` command is printed once.
Setup, every setting, troubleshooting and the security model: README.md in the repository (Setup, Settings, Troubleshooting, Security model).
`;
