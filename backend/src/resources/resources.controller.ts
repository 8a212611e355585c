import { Controller, Get, Inject } from '@nestjs/common';
import { ResourcesRepository, type LatestCapacity, type LatestStock } from './resources.repository.js';

/** Beds, rooms, ventilators and stock as each facility last reported them. */
@Controller('api/resources')
export class ResourcesController {
  constructor(@Inject(ResourcesRepository) private readonly resources: ResourcesRepository) {}

  /** The latest snapshot per facility and kind (capacity) and per facility and item (stock). */
  @Get('latest')
  async latest(): Promise<{ capacity: LatestCapacity[]; stock: LatestStock[] }> {
    const [capacity, stock] = await Promise.all([this.resources.latestCapacity(), this.resources.latestStock()]);
    return { capacity, stock };
  }
}
