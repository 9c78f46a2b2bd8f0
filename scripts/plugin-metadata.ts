import { PluginMetadataGenerator } from '@nestjs/cli/lib/compiler/plugins/plugin-metadata-generator.js';
import { ReadonlyVisitor } from '@nestjs/swagger/plugin';
import { resolve } from 'node:path';
import ts from 'typescript';

const ROOT = resolve(import.meta.dirname, '..');

function createProgram(): ts.Program {
  const configPath = resolve(ROOT, 'tsconfig.build.json');
  const parsed = ts.getParsedCommandLineOfConfigFile(configPath, undefined, {
    ...ts.sys,
    onUnRecoverableConfigFileDiagnostic: (diagnostic) => {
      throw new Error(
        ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n'),
      );
    },
  });
  if (!parsed) {
    throw new Error(`Cannot parse ${configPath}`);
  }
  return ts.createProgram({
    rootNames: parsed.fileNames,
    options: parsed.options,
  });
}

/**
 * Writes the @nestjs/swagger CLI plugin's metadata (DTO properties from types, class-validator
 * constraints and doc comments) as `<outputDir>/metadata.ts`. Used by `npm run openapi` and by the
 * test that fails when the committed copy is stale. Type errors are left to `tsc`.
 */
export function generatePluginMetadata(outputDir: string): void {
  new PluginMetadataGenerator().generate({
    visitors: [
      new ReadonlyVisitor({
        pathToSource: resolve(ROOT, 'src'),
        introspectComments: true,
        classValidatorShim: true,
        controllerKeyOfComment: 'description',
        dtoFileNameSuffix: ['.dto.ts'],
      }),
    ],
    outputDir,
    filename: 'metadata.ts',
    tsProgramRef: createProgram(),
  });
}

if (process.argv[1] === import.meta.filename) {
  generatePluginMetadata(resolve(ROOT, 'src'));
}
