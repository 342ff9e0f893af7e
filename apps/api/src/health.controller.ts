import { Controller, Get } from '@nestjs/common';
import { ApiOkResponse, ApiServiceUnavailableResponse, ApiTags } from '@nestjs/swagger';
import { InjectDataSource } from '@nestjs/typeorm';
import { PublicRoute } from '@dialogdag/auth';
import { DataSource } from 'typeorm';
import { DatabaseUnavailable } from '@dialogdag/database';

@ApiTags('health')
@PublicRoute()
@Controller('api/health')
export class HealthController {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  @Get()
  @ApiOkResponse({ description: 'The app and its database answer' })
  @ApiServiceUnavailableResponse({ description: 'The database does not answer, or the instance is shutting down; with Retry-After' })
  async health() {
    try {
      await this.db.query('SELECT 1');
    } catch {
      throw new DatabaseUnavailable();
    }
    return { status: 'ok', database: 'ok' };
  }
}
