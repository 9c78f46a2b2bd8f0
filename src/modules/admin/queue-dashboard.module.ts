import { BullAdapter } from '@bull-board/api/bullAdapter';
import { ExpressAdapter } from '@bull-board/express';
import {
  BullBoardModule,
  type BullBoardModuleOptions,
} from '@bull-board/nestjs';
import { Module, type DynamicModule } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';
import { presentsToken } from '../../common/auth/operator-token.js';
import { ApiError } from '../../common/errors/api-error.js';
import { sendProblem } from '../../common/errors/send-problem.js';
import type { AppConfig } from '../../config/app-config.js';
import { QUEUES } from '../../infra/registry.js';

export const QUEUE_DASHBOARD_ROUTE = '/admin/queues';

/**
 * @bull-board/express 9.10.1 pins its own copy of @bull-board/api 9.10.1, whose declarations
 * TypeScript will not match with the 9.10.2 that @bull-board/nestjs uses. The adapter needs nothing
 * from that copy at run time (it requires only express and ejs), so only the type is bridged.
 */
const EXPRESS_ADAPTER =
  ExpressAdapter as unknown as BullBoardModuleOptions['adapter'];

/**
 * Only operators holding ADMIN_TOKEN get in: as a Bearer token (scripts), or as the password of
 * HTTP Basic, which is what a browser's login prompt sends, so the dashboard opens in a browser.
 */
function requireAdminToken(token: string) {
  return (request: Request, response: Response, next: NextFunction): void => {
    if (presentsToken(request.headers.authorization, token, { basic: true })) {
      next();
      return;
    }
    response.setHeader(
      'WWW-Authenticate',
      'Basic realm="Media API queues", charset="UTF-8"',
    );
    sendProblem(
      response,
      new ApiError(
        'unauthorized',
        'The queue dashboard needs ADMIN_TOKEN: Authorization: Bearer <token>, or Basic with the token as the password',
      ),
    );
  };
}

/**
 * bull-board at `/admin/queues`, listing every queue of `QUEUES`. It exists only on HTTP roles and
 * only with ADMIN_TOKEN set: without it the route is not registered at all (404).
 */
@Module({})
export class QueueDashboardModule {
  static register(config: AppConfig): DynamicModule {
    const token = config.admin.token;
    if (!token || !config.runsHttp) {
      return { module: QueueDashboardModule };
    }
    return {
      module: QueueDashboardModule,
      imports: [
        BullBoardModule.forRoot({
          route: QUEUE_DASHBOARD_ROUTE,
          adapter: EXPRESS_ADAPTER,
          middleware: requireAdminToken(token),
          boardOptions: { uiConfig: { boardTitle: 'Media API queues' } },
        }),
        BullBoardModule.forFeature(
          ...Object.values(QUEUES).map((name) => ({
            name,
            adapter: BullAdapter,
          })),
        ),
      ],
    };
  }
}
